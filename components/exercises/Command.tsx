/** A shell command the learner can copy, as the broker status panel shows them. */
export default function Command({ children }: { children: string }) {
  return (
    <code className="whitespace-nowrap rounded bg-black/5 px-1 py-0.5 font-mono text-[13px] select-all dark:bg-white/10">
      {children}
    </code>
  );
}
