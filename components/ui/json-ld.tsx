import { jsonLdText } from "@/lib/structured-data";

/** A page's structured data (schema.org JSON-LD), built from our own records. */
export function JsonLd({ data }: { data: object }) {
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON from our own data, "<" escaped (jsonLdText)
      dangerouslySetInnerHTML={{ __html: jsonLdText(data) }}
    />
  );
}
