// The bar of a long operation's progress: a share from 0 to 1, announced as a percentage to assistive technology.
export function ProgressTrack(props: { share: number }) {
  const percent = Math.floor(props.share * 100);
  return (
    <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="progress-fill" style={{ width: `${props.share * 100}%` }} />
    </div>
  );
}
