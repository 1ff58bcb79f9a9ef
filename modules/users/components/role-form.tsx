"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { ROLES } from "@/modules/auth/permissions";
import { changeRoleAction } from "../actions";

type Role = (typeof ROLES)[number];

/** A user's role, changed with an explicit save (a stray change of the select does nothing). */
export function RoleForm({ id, name, role }: { id: string; name: string; role: Role }) {
  const t = useTranslations("adminUsers");
  const tr = useTranslations("roles");
  const router = useRouter();
  const [state, change, pending] = useActionState(changeRoleAction, {
    status: "idle",
  } as ActionState<{ id: string; role: Role; changed: boolean }>);
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);
  return (
    <form action={change} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <select
        name="role"
        defaultValue={role}
        aria-label={t("roleFor", { name })}
        className="rounded-lg border border-stone-300 bg-white px-2 py-1.5"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        aria-label={t("saveRoleFor", { name })}
        className="rounded-lg border border-brand-600 px-3 py-1.5 text-brand-700 disabled:opacity-60"
      >
        {pending ? t("saving") : t("saveRole")}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="basis-full text-berry-600">
          {state.fields.role ?? state.fields.id ?? state.message}
        </p>
      ) : null}
    </form>
  );
}
