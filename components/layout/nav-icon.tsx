// Line icons for the phone tab bar (inline SVG: no icon font, no emoji font needed).
const PATHS = {
  routes: "M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2Zm0 0v14m6-12v14",
  festivals: "M4 8a2 2 0 0 0 0 4v4h16v-4a2 2 0 0 1 0-4V4H4v4Zm10-4v12",
  shop: "M4 9h16l-1.5 10h-13L4 9Zm4 0 4-5 4 5",
  trips: "M5 5h14v15H5V5Zm0 4h14M9 3v4m6-4v4",
} as const;

export function NavIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
