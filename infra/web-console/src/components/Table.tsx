import { useMemo, useState } from 'react';

export type Direction = 'ASC' | 'DESC';
export interface Sort { key: string; direction: Direction }

/** A column header that sorts the table by its column; aria-sort tells screen readers how the table is sorted. */
export function SortHeader({ label, column, sort, onSort, numeric }: { label: string; column: string; sort: Sort; onSort: (s: Sort) => void; numeric?: boolean }) {
  const active = sort.key === column;
  const next: Direction = active && sort.direction === 'ASC' ? 'DESC' : 'ASC';
  return (
    <th className={numeric ? 'num' : undefined} aria-sort={active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <button className="sort" onClick={() => onSort({ key: column, direction: next })}>
        {label}<span aria-hidden="true">{active ? (sort.direction === 'ASC' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** Previous / next through the pages of a long list, with where the reader is. */
export function Pager({ page, pages, total, noun, onPage }: { page: number; pages: number; total: number; noun: string; onPage: (p: number) => void }) {
  if (pages <= 1) return <p className="muted pager">{total} {noun}</p>;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <button disabled={page === 0} onClick={() => onPage(page - 1)}>Previous</button>
      <span>Page {page + 1} of {pages} · {total} {noun}</span>
      <button disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>Next</button>
    </nav>
  );
}

/** Search, sort and pages over a list the page holds in full (an approval queue, a review's entries). */
export function useClientTable<T>(rows: T[], options: {
  values: Record<string, (row: T) => string | number>; text: (row: T) => string; initial: Sort; pageSize?: number;
}) {
  const [sort, setSort] = useState<Sort>(options.initial);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const size = options.pageSize ?? 50;
  const filtered = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const found = rows.filter((r) => { const text = options.text(r).toLowerCase(); return words.every((w) => text.includes(w)); });
    const value = options.values[sort.key];
    if (!value) return found;
    const sign = sort.direction === 'ASC' ? 1 : -1;
    return [...found].sort((a, b) => {
      const x = value(a), y = value(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
    // options are given inline by the page: rows, search and sort say when to compute again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, search, sort]);
  const pages = Math.max(1, Math.ceil(filtered.length / size));
  const current = Math.min(page, pages - 1);
  return {
    rows: filtered.slice(current * size, (current + 1) * size), filtered, sort, search, page: current, pages,
    onSort: (s: Sort) => { setSort(s); setPage(0); },
    onSearch: (text: string) => { setSearch(text); setPage(0); },
    onPage: setPage,
  };
}
