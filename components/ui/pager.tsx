import { Link } from "@/lib/i18n/navigation";

const link = "inline-flex min-h-11 items-center underline";

/**
 * Previous and next links around "page n of m", for a list paged through the URL.
 * Hidden when there is one page only, unless `always`. The arrows are decoration:
 * screen readers hear the words.
 */
export function Pager({
  label,
  page,
  pages,
  href,
  previous,
  next,
  status,
  arrows = true,
  always = false,
}: {
  /** The navigation landmark's name. */
  label: string;
  page: number;
  pages: number;
  /** The link to another page, the filter kept. */
  href: (page: number) => string;
  previous: string;
  next: string;
  /** "Page 2 of 5". */
  status: string;
  arrows?: boolean;
  always?: boolean;
}) {
  if (pages <= 1 && !always) return null;
  return (
    <nav className="flex items-center justify-between text-sm" aria-label={label}>
      {page > 1 ? (
        <Link href={href(page - 1)} className={link}>
          {arrows ? <span aria-hidden="true">{"← "}</span> : null}
          {previous}
        </Link>
      ) : (
        <span />
      )}
      <span>{status}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link}>
          {next}
          {arrows ? <span aria-hidden="true">{" →"}</span> : null}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
