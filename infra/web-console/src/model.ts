// The shapes the services publish (their OpenAPI documents are the reference); only the fields the console uses.

export interface Customer { id: string; name: string; currency: string; taxRate: number; paymentTermsDays: number }
export type BillingType = 'TIME_AND_MATERIALS' | 'FIXED_PRICE' | 'CAPPED_TIME_AND_MATERIALS' | 'MANUAL' | 'NOT_BILLED';
export interface Project { id: string; customerId: string; code: string; name: string; billingType: BillingType; overhead: boolean }
export interface CustomerDetails extends Customer { address: string | null; taxId: string | null }
export interface Resource { id: string; name: string; role: string }
export interface Page<T> { items: T[]; page: number; size: number; total?: number; totalItems?: number }

export interface TimeEntry {
  id: string; customerId: string; projectId: string; resourceId: string; date: string; hours: number; task: string;
  description: string | null; billable: boolean; status: string; rejectionReason: string | null; rate: number | null; amount: number | null; currency: string | null;
}

export type Decision = 'BILL' | 'DEFER' | 'WRITE_OFF';

export interface ReviewEntry {
  entryId: string; date: string; projectId: string; billingType: string; task: string; resourceId: string; resourceName: string; role: string;
  hours: number; rate: number; amount: number; decision: Decision; writeOffReason: string | null; cappedHours: number;
  billedInLine: number | null;
}

export type LineKind = 'TIME' | 'ACTIVITY' | 'TERM' | 'MANUAL';

export interface BillLine {
  position: number; kind: LineKind; projectId: string | null; termId: string | null; resourceName: string | null; activityType: string | null;
  from: string | null; to: string | null; description: string | null; detail: string | null; quantity: number; cappedQuantity: number;
  unit: string; unitPrice: number; amount: number; amendment: boolean; catalogItemId: string | null; coveredEntryIds: string[];
}

export interface CapUse { projectId: string; cap: number; billedBefore: number; leftBefore: number; thisBill: number; capped: number; leftAfter: number }

export interface Obstacle {
  kind: 'TERM_MISSING' | 'NOTHING_TO_BILL' | 'NEGATIVE_NET' | 'CAP_MISSING' | 'FRAME_ORDER_TOO_SMALL' | 'FRAME_ORDER_NOT_VALID';
  message: string; projectId: string | null;
}

export interface BillingProject { id: string; customerId: string; code: string; name: string; billingType: BillingType; orderAmount: number | null; validatedWorkAmount: number | null }

export interface ProjectElement { id: string; kind: 'ACTIVITY' | 'MILESTONE'; name: string; validatedAmount: number | null; plannedAmount: number | null; endDate: string | null }

export interface Term { id: string; name: string; amount: number; date: string; state: 'OPEN' | 'RESERVED' | 'BILLED' | 'WRITTEN_OFF' | 'RETIRED'; invoiceNumber: string | null; triggerElementIds: string[] }

export interface TermView { term: Term; reminder: { validatedAmount: number; plannedAmount: number; latestEndDate: string | null } }

export interface ActivityPrice { activityType: string; dailyPrice: number }

export interface ProjectPlan {
  project: BillingProject; capUsed: number | null; capLeft: number | null; elements: ProjectElement[]; terms: TermView[]; activityPrices: ActivityPrice[];
}

export interface CatalogItem { id: string; name: string; type: 'PRODUCT' | 'SERVICE'; description: string | null; unitPrice: number; unit: string; retired: boolean }

export interface BillingDefaults {
  billContact: { name: string; email: string | null } | null;
  paymentRecipient: { name: string; iban: string | null; bic: string | null; bankName: string | null } | null;
}

export interface ElectronicAddress { scheme: string; address: string }

export interface ReviewSummary {
  entries: number; hoursBilled: number; hoursDeferred: number; hoursWrittenOff: number; amountWrittenOff: number;
  hoursCapped: number; amountCapped: number; subtotal: number; taxRate: number; taxAmount: number; total: number; currency: string;
}

export interface ReviewOptions {
  periodFrom: string | null; periodTo: string | null; paymentTermsDays: number | null; poNumber: string | null;
  notes: string | null; frameOrderId: string | null;
}

export interface Review {
  id: string; customerId: string; customerName: string; project: BillingProject | null; status: string; options: ReviewOptions;
  summary: ReviewSummary; entries: ReviewEntry[]; lines: BillLine[]; caps: CapUse[]; percentOfOrder: number | null; invoiceRunId: string | null;
}

export interface FrameOrderChoice {
  frameOrderId: string; poNumber: string; totalHours: number; availableHours: number; hoursDrawn: number;
  remainingAfter: number; sufficient: boolean; validFrom: string; validTo: string; percentOfFrameOrder: number;
}

export interface FrameOrderStep { available: boolean; unavailable: string | null; chosenFrameOrderId: string | null; frameOrders: FrameOrderChoice[] }

export interface Preview {
  customer: Customer; options: ReviewOptions; issueDate: string; dueDate: string; summary: ReviewSummary;
  frameOrder: FrameOrderChoice | null; frameOrderNote: string | null; obstacles: Obstacle[]; percentOfOrder: number | null;
}

export interface InvoiceRun {
  id: string; reviewId: string; status: string; step: string; invoiceNumber: string | null; failureReason: string | null;
}

export interface InvoiceListItem {
  id: string; number: string; customerId: string; customerName: string; issueDate: string; dueDate: string; currency: string;
  total: number; amountPaid: number; amountOpen: number; status: string; overdue: boolean;
}

export interface StatusTotal { status: string; currency: string; invoices: number; total: number; amountOpen: number }

export interface FrameOrder {
  id: string; customerId: string; poNumber: string; totalHours: number; billedHours: number; remainingHours: number;
  utilizationPercent: number; validFrom: string; validTo: string; status: string;
}

export interface DrawDown { id: string; hours: number; status: string; reference: string; invoiceNumber: string | null; note: string | null; at: string }

export interface Ageing { customerId: string; currency: string; buckets: Record<string, number>; totalOpen: number }

export interface Receivable {
  invoiceId: string; number: string; customerId: string; currency: string; issueDate: string; dueDate: string; total: number;
  amountPaid: number; amountOpen: number; status: string; daysPastDue: number; bucket: string;
}

/** What entries come to in one currency (submitted ones at the rate approval will fix). */
export interface Valuation { currency: string; entries: number; hours: number; amount: number }

export type RunOutcome = 'HELD' | 'WAITING' | 'ISSUED' | 'FAILED';
export interface RunCustomer {
  customerId: string; customerName: string; outcome: RunOutcome; reason: string | null; invoiceNumber: string | null; reviewId: string | null;
  reviewReused: boolean; currency: string | null; hours: number | null; net: number | null; tax: number | null; total: number | null;
  frameOrder: { frameOrderId: string; poNumber: string | null; hoursLeft: number | null; hoursAfter: number | null } | null;
}
export interface RunTotal { currency: string; bills: number; hours: number; net: number; tax: number; total: number }
export interface BillingRun {
  id: string; periodFrom: string; periodTo: string; paymentTermsDays: number | null; notes: string | null;
  status: 'DRAFT' | 'RUNNING' | 'FINISHED'; createdAt: string; startedAt: string | null;
  progress: { included: number; issued: number; failed: number; waiting: number; held: number };
  totals: RunTotal[]; customers: RunCustomer[] | null;
}
