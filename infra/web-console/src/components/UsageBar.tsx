/** Used hours, the hours this invoice would add, and what stays free. */
export function UsageBar({ total, used, adding = 0 }: { total: number; used: number; adding?: number }) {
  const pct = (value: number) => `${total > 0 ? Math.min(100, Math.max(0, (value / total) * 100)) : 0}%`;
  return (
    <div className="bar" role="img" aria-label={`${used} of ${total} hours used`}>
      <div className="used" style={{ width: pct(used) }} />
      {adding > 0 && <div className={used + adding > total ? 'adding over' : 'adding'} style={{ width: pct(adding) }} />}
    </div>
  );
}
