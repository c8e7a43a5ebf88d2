// The billing review in progress, so that leaving it from the sidebar asks first, and a review kept for later opens
// again when the person comes back to the wizard (in this browser tab).

const KEPT = 'hourbill.review';
let inProgress: { id: string; name: string } | null = null;

export const reviewInProgress = {
  set(review: { id: string; name: string } | null) {
    inProgress = review;
  },
  get: () => inProgress,
  /** Keeps it for later: the wizard opens it again at its entries. */
  keep() {
    if (inProgress) sessionStorage.setItem(KEPT, inProgress.id);
    inProgress = null;
  },
  /** Abandons it: it stays an open draft that bills nothing and holds nothing. */
  abandon() {
    sessionStorage.removeItem(KEPT);
    inProgress = null;
  },
  /** The review kept for later, once: the wizard takes it. */
  takeKept(): string | null {
    const id = sessionStorage.getItem(KEPT);
    sessionStorage.removeItem(KEPT);
    return id;
  },
};
