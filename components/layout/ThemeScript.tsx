/** Sets the dark class before first paint so the page never flashes the wrong theme. */
const script = `try{var t=localStorage.getItem('mqlab:theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')}catch(e){}`;

export default function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
