import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../components/ProgressBar';
import { currentJob, useJobsStore } from '../stores/jobs-store';

/** The global progress bar: the newest running job, its stage, and a cancel button. */
export function JobProgress() {
  const { t } = useTranslation('app');
  const job = useJobsStore(currentJob);
  const cancel = useJobsStore((s) => s.cancel);
  if (job === undefined) return null;
  const what = t(`jobs.channel.${job.channel.replace(':', '.')}`, { defaultValue: job.channel });
  // An upload's stage is the file's name; a job's stage is a word the service uses.
  const stage = job.stage === null ? t('common.loading') : job.channel === 'upload' ? job.stage : t(`jobs.stage.${job.stage}`, { defaultValue: job.stage });
  return (
    <div className="job-progress" role="status" data-testid="job-progress">
      <span className="job-progress__text">{t('jobs.running', { what, stage })}</span>
      <ProgressBar done={job.done} total={job.total} />
      {job.channel === 'upload' ? null : (
        <button type="button" className="btn btn--small" disabled={job.cancelling} onClick={() => void cancel(job.jobId)} data-testid="job-cancel">
          {job.cancelling ? t('jobs.cancelling') : t('jobs.cancel')}
        </button>
      )}
    </div>
  );
}
