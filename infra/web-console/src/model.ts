// The shapes the services publish (their OpenAPI documents are the reference); only the fields the console uses.

export interface Customer { id: string; name: string; currency: string; taxRate: number; paymentTermsDays: number }
export interface Project { id: string; customerId: string; code: string; name: string; billingType: string }
export interface Resource { id: string; name: string; role: string }
export interface Page<T> { items: T[]; page: number; size: number; total?: number; totalItems?: number }

export interface TimeEntry {
  id: string; customerId: string; projectId: string; resourceId: string; date: string; hours: number; task: string;
  description: string | null; billable: boolean; status: string; rejectionReason: string | null;
}

export type Decision = 'BILL' | 'DEFER' | 'WRITE_OFF';

export interface ReviewEntry {
  entryId: string; date: string; projectId: string; billingType: string; task: string; resourceName: string; role: string;
  hours: number; rate: number; amount: number; decision: Decision; writeOffReason: string | null; cappedHours: number;
}

export interface ReviewSummary {
  entries: number; hoursBilled: number; hoursDeferred: number; hoursWrittenOff: number; amountWrittenOff: number;
  hoursCapped: number; subtotal: number; taxRate: number; taxAmount: number; total: number; currency: string;
}

export interface ReviewOptions {
  periodFrom: string | null; periodTo: string | null; paymentTermsDays: number | null; poNumber: string | null;
  notes: string | null; frameOrderId: string | null;
}

export interface Review {
  id: string; customerId: string; customerName: string; status: string; options: ReviewOptions; summary: ReviewSummary;
  entries: ReviewEntry[]; invoiceRunId: string | null;
}

export interface FrameOrderChoice {
  frameOrderId: string; poNumber: string; totalHours: number; availableHours: number; hoursDrawn: number;
  remainingAfter: number; sufficient: boolean; validFrom: string; validTo: string; percentOfFrameOrder: number;
}

export interface FrameOrderStep { available: boolean; unavailable: string | null; chosenFrameOrderId: string | null; frameOrders: FrameOrderChoice[] }

export interface Preview {
  customer: Customer; options: ReviewOptions; issueDate: string; dueDate: string; summary: ReviewSummary;
  frameOrder: FrameOrderChoice | null; frameOrderNote: string | null;
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
