import { getFestivalForEditor } from "../../modules/festivals/editor-queries";

type Manager = Parameters<typeof getFestivalForEditor>[0];

/**
 * A festival as the editor loads it, turned back into the editor's payload (with
 * the ids of its ticket types and sessions), as the browser would send it unchanged.
 */
export async function editorPayload(manager: Manager, where: { slug: string } | { id: string }) {
  const f = await getFestivalForEditor(manager, where);
  if (!f) throw new Error(`festival ${JSON.stringify(where)} missing`);
  const payload: Record<string, unknown> = {
    ...f,
    ticketTypes: f.ticketTypes.map(({ key: _k, sold: _s, ...t }) => t),
    sessions: f.sessions.map((s) => ({
      id: s.id,
      startsAt: `${s.date}T${s.start}`,
      endsAt: `${s.date}T${s.end}`,
      capacity: s.capacity,
      labelZh: s.labelZh,
      labelEn: s.labelEn,
    })),
  };
  return payload;
}
