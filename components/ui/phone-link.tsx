/**
 * A number to call, as a tel: link; with no number (a buyer who deleted their account),
 * the `none` text instead of an empty link that screen readers announce as "link".
 */
export function PhoneLink({
  phone,
  none,
  className = "underline",
}: {
  phone: string | null;
  none: string;
  className?: string;
}) {
  const number = phone?.trim();
  if (!number) return <span className="text-stone-500">{none}</span>;
  return (
    <a href={`tel:${number.replace(/[^\d+]/g, "")}`} className={className}>
      {number}
    </a>
  );
}
