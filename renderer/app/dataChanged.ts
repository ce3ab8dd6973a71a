// A page that changed the branch's data tells the rest of the UI, which reloads what it shows.
export const dataChangedEvent = 'branchloop:data-changed';

export function announceDataChanged(): void {
  window.dispatchEvent(new Event(dataChangedEvent));
}
