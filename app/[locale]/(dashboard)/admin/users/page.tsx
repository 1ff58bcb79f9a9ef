import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { ROLES } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { DisableButton } from "@/modules/users/components/disable-button";
import { RoleForm } from "@/modules/users/components/role-form";
import { parseUsersFilter, USER_STATES, usersQuery } from "@/modules/users/filter";
import { searchUsers } from "@/modules/users/queries";

// Every account: search, filter, change a role, disable or enable (not one's own).
export default async function AdminUsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  await enterLocale(params);
  const me = await requirePagePermission("users.manage", "/admin/users");
  const t = await getTranslations("adminUsers");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const filter = parseUsersFilter(await searchParams);
  const result = await searchUsers(filter);
  const select = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2";
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <form method="get" className="grid gap-2 rounded-xl bg-white p-3 shadow-sm sm:grid-cols-[2fr_1fr_1fr_auto]">
        <label className="text-sm">
          <span className="block text-stone-600">{t("search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            placeholder={t("searchPlaceholder")}
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          />
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("role")}</span>
          <select name="role" defaultValue={filter.role?.toLowerCase() ?? ""} className={select}>
            <option value="">{t("allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r.toLowerCase()}>
                {tr(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("state")}</span>
          <select name="state" defaultValue={filter.state ?? ""} className={select}>
            <option value="">{t("states.all")}</option>
            {USER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end">
          <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-white">
            {t("filter")}
          </button>
        </div>
      </form>
      <p className="text-sm" data-testid="users-count">
        {t("found", { count: result.total })}
      </p>
      {result.users.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("name")}</th>
                <th className="p-2">{t("role")}</th>
                <th className="p-2">{t("created")}</th>
                <th className="p-2">{t("state")}</th>
                <th className="p-2">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {result.users.map((u) => (
                <tr key={u.id} className="border-stone-100 border-t align-top" data-user={u.email}>
                  <td className="p-2">
                    <span className="block font-medium">{u.name}</span>
                    <span className="block text-stone-500 text-xs">{u.email}</span>
                  </td>
                  <td className="p-2">
                    {u.id === me.id ? (
                      tr(u.role)
                    ) : (
                      <RoleForm key={`${u.id}-${u.role}`} id={u.id} name={u.name} role={u.role} />
                    )}
                  </td>
                  <td className="whitespace-nowrap p-2">{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
                  <td className="p-2" data-testid="user-state">
                    {u.disabledAt
                      ? t("disabledSince", {
                          date: format.dateTime(u.disabledAt, { dateStyle: "medium", timeStyle: "short" }),
                        })
                      : t("states.active")}
                  </td>
                  <td className="p-2">
                    {u.id === me.id ? (
                      <span className="text-stone-500">{t("you")}</span>
                    ) : (
                      <DisableButton
                        key={`${u.id}-${Boolean(u.disabledAt)}`}
                        id={u.id}
                        name={u.name}
                        disabled={Boolean(u.disabledAt)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pages")}>
          {filter.page > 1 ? (
            <Link href={`/admin/users${usersQuery(filter, filter.page - 1)}`} className="underline">
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("page", { page: filter.page, pages: result.pages })}</span>
          {filter.page < result.pages ? (
            <Link href={`/admin/users${usersQuery(filter, filter.page + 1)}`} className="underline">
              {t("next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
