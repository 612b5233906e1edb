'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import CodeEditor from '@/components/playground/CodeEditor';
import type { RevealRequest, RunError } from '@/components/playground/runErrors';
import { useIsDark } from '@/components/playground/useIsDark';
import { useModelValue } from '@/components/playground/useModelRevision';
import type { ScriptFile } from '@/server/protocol/run';
import CheckNotices from './CheckNotices';
import CheckProgress from './CheckProgress';
import CheckReport from './CheckReport';
import type { CheckSnapshot } from './checkSession';
import ExerciseOutput, { type OutputTab } from './ExerciseOutput';
import ExerciseToolbar from './ExerciseToolbar';
import { sameFiles } from './exerciseDrafts';
import FilesNoticeLine from './FilesNoticeLine';
import HintList from './HintList';
import { revealHint, viewSolution } from './progress';
import { updateProgress, useExerciseProgress } from './progressStore';
import SolutionPanel from './SolutionPanel';
import type { ExerciseDetail } from './types';
import { useCheckSession } from './useCheckSession';
import { useCheckShortcut } from './useCheckShortcut';
import { useExerciseFiles } from './useExerciseFiles';
import { useServerReach } from './useServerReach';

const IDLE: CheckSnapshot = { phase: 'idle' };
const NO_ERRORS: Readonly<Record<string, readonly RunError[]>> = {};

interface Props {
  locale: 'zh' | 'en';
  exercise: ExerciseDetail;
  /** Title, meta and statement, rendered on the server. */
  brief: ReactNode;
  /** Each hint, rendered on the server. */
  hints: ReactNode[];
  /** The solution's changed files, highlighted on the server. */
  solutionCode: ReactNode;
}

/**
 * An exercise page's live part (learn.svelte.dev's Sidebar | Editor | Output): the brief with
 * hints and the solution, the learner's files, and the check with its report and live run.
 */
export default function ExerciseWorkbench({ locale, exercise, brief, hints, solutionCode }: Props) {
  const t = useTranslations('exercises');
  const { id, broker } = exercise;
  const entry = useExerciseProgress()[id];
  const session = useCheckSession();
  const mine = session.snapshot.exerciseId === id ? session.snapshot : IDLE;
  const otherBusy = session.snapshot.phase !== 'idle' && !mine.exerciseId;
  const files = useExerciseFiles(id, exercise.start);
  const reach = useServerReach(broker);
  const dark = useIsDark();
  const [selected, setSelected] = useState(exercise.start[0]!.name);
  const [errors, setErrors] = useState<Record<string, number>>({});
  const [tab, setTab] = useState<OutputTab>('report');
  const [expanded, setExpanded] = useState(false);
  const [reveal, setReveal] = useState<RevealRequest>();
  const [checked, setChecked] = useState<ScriptFile[]>();
  const runErrors = useModelValue(mine.model, (m) => m.errors, NO_ERRORS);

  // A verdict brings the report to the front (state adjusted while rendering, not in an effect).
  const [seen, setSeen] = useState(mine.outcome);
  if (seen !== mine.outcome) {
    setSeen(mine.outcome);
    if (mine.outcome?.kind === 'graded') setTab('report');
  }

  // Stacked (narrower than xl), the report is below the editor: bring it into view.
  const verdict = mine.outcome?.kind === 'graded' ? mine.outcome : undefined;
  const verdictOnArrival = useRef(verdict);
  useEffect(() => {
    if (!verdict || verdict === verdictOnArrival.current) return;
    if (!window.matchMedia('(min-width: 80rem)').matches)
      document.getElementById('output-panel')?.scrollIntoView({ block: 'start' });
  }, [verdict]);

  const check = () => {
    if (mine.phase !== 'idle' || otherBusy) return;
    setTab('liveView');
    setChecked(files.files);
    session.check({ exerciseId: id, files: files.files }, broker);
  };
  useCheckShortcut(check);

  const graded =
    mine.outcome?.kind === 'graded'
      ? { report: mine.outcome.report, at: mine.outcome.at, files: checked }
      : entry?.last && { report: entry.last.report, at: entry.last.at, files: undefined };
  const passed = entry?.passedAt !== undefined;
  const revealLine = (file: string, line: number, column?: number) => {
    // Only the learner's files are in the editor; the exercise's own scripts are not.
    if (!exercise.start.some((f) => f.name === file)) return;
    setSelected(file);
    setExpanded(false);
    setReveal({ file, line, column, at: Date.now() });
  };

  return (
    <div
      className="flex flex-col xl:h-[calc(100dvh-3.5rem)] xl:flex-row"
      data-testid="exercise-workbench"
      data-exercise={id}
    >
      <div
        className={`border-slate-200 xl:w-[330px] xl:shrink-0 2xl:w-[400px] xl:overflow-y-auto xl:border-r dark:border-slate-800 ${expanded ? 'xl:hidden' : ''}`}
      >
        <div className="mx-auto max-w-3xl px-5 py-6">
          {brief}
          <HintList
            hints={hints}
            shown={entry?.hints ?? 0}
            onReveal={() => updateProgress(id, (e) => revealHint(e, hints.length))}
          />
          <SolutionPanel
            unlocked={passed || (entry?.solutionViewed ?? false)}
            viewedBeforePassing={entry?.solutionViewed ?? false}
            code={solutionCode}
            onShow={() => updateProgress(id, viewSolution)}
            onLoad={() => {
              files.load(exercise.solution);
              document.getElementById('exercise-editor')?.scrollIntoView({ block: 'nearest' });
            }}
          />
        </div>
      </div>
      <section
        aria-label={t('toolbar.files')}
        className={`flex min-w-0 flex-col max-xl:h-[75vh] xl:flex-1 ${expanded ? 'xl:hidden' : ''}`}
      >
        <ExerciseToolbar
          files={files.files}
          selected={selected}
          errors={errors}
          onSelect={setSelected}
          busy={mine.phase !== 'idle' || otherBusy}
          onCheck={check}
          onReset={files.reset}
        />
        <CheckNotices
          serverDown={reach.serverDown}
          brokerDown={reach.brokerDown}
          outcome={mine.outcome}
          onDismiss={session.dismiss}
        />
        {otherBusy && (
          <p className="border-b border-slate-200 px-3 py-1.5 text-sm dark:border-slate-800">
            {t('progress.otherExercise')}
          </p>
        )}
        {files.notice && (
          <FilesNoticeLine
            notice={files.notice}
            locale={locale}
            onReset={files.reset}
            onUndo={files.undo}
            onDismiss={files.dismiss}
          />
        )}
        <CheckProgress snapshot={mine} broker={broker} />
        <div
          id="exercise-editor"
          role="tabpanel"
          aria-labelledby={`file-tab-${selected}`}
          className="min-h-0 flex-1"
        >
          <CodeEditor
            name={selected}
            files={files.files}
            locale={locale}
            dark={dark}
            label={t('page.editorLabel', { name: selected })}
            typingsUrl={`/${locale}/exercises/typings.json`}
            loadingText={t('page.editorLoading')}
            failedText={t('page.editorFailed')}
            onChange={files.edit}
            onRun={check}
            onStop={() => {}}
            onMarkers={setErrors}
            runErrors={runErrors}
            reveal={reveal}
          />
        </div>
      </section>
      {/* Said once when a verdict comes back (the report itself is not a live region). */}
      <p role="status" className="sr-only">
        {verdict &&
          (verdict.report.passed
            ? t('report.passed')
            : t('report.failed', {
                failed: verdict.report.checks.filter((c) => !c.passed).length,
                total: verdict.report.checks.length,
              }))}
      </p>
      <ExerciseOutput
        tab={tab}
        onTab={setTab}
        check={mine}
        report={
          graded ? (
            <CheckReport
              report={graded.report}
              locale={locale}
              at={graded.at}
              stale={!!graded.files && !sameFiles(graded.files, files.files)}
            />
          ) : (
            <p className="p-4 text-sm text-slate-600 dark:text-slate-300">{t('report.empty')}</p>
          )
        }
        reportBadge={
          graded && (
            <>
              <span aria-hidden="true">{graded.report.passed ? '✓' : '✗'}</span>
              <span className="sr-only">
                {graded.report.passed ? t('report.checkPassed') : t('report.checkFailed')}
              </span>
            </>
          )
        }
        dark={dark}
        onReveal={revealLine}
        expanded={expanded}
        onExpand={setExpanded}
      />
    </div>
  );
}
