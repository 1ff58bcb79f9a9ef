// Only same-site paths may be redirected to after signing in (no open redirects).
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}
