import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { ROLES } from "@/modules/auth/permissions";
import { USER_STATES, type UsersFilter } from "../filter";
import type { searchUsers } from "../queries";
import { DisableButton } from "./disable-button";
import { RoleForm } from "./role-form";

type User = Awaited<ReturnType<typeof searchUsers>>["users"][number];

/** Search by e-mail or name, filter by role and state. */
export async function UsersFilters({ filter }: { filter: UsersFilter }) {
  const t = await getTranslations("adminUsers");
  const tr = await getTranslations("roles");
  return (
    <FilterForm columns="sm:grid-cols-[2fr_1fr_1fr_auto]" submit={t("filter")}>
      <FilterInput label={t("search")} name="q" defaultValue={filter.q} placeholder={t("searchPlaceholder")} />
      <FilterSelect
        label={t("role")}
        name="role"
        defaultValue={filter.role?.toLowerCase()}
        all={t("allRoles")}
        options={ROLES.map((r) => ({ value: r.toLowerCase(), label: tr(r) }))}
      />
      <FilterSelect
        label={t("state")}
        name="state"
        defaultValue={filter.state}
        all={t("states.all")}
        options={USER_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
      />
    </FilterForm>
  );
}

/** One page of accounts: each one's role and state can be changed, except one's own. */
export async function UsersTable({ users, me }: { users: User[]; me: { id: string } }) {
  const t = await getTranslations("adminUsers");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const columns: Column<User>[] = [
    {
      key: "name",
      header: t("name"),
      cell: (u) => (
        <>
          <span className="block font-medium">{u.name}</span>
          <span className="block text-stone-500 text-xs">{u.email}</span>
        </>
      ),
    },
    {
      key: "role",
      header: t("role"),
      cell: (u) =>
        u.id === me.id ? tr(u.role) : <RoleForm key={`${u.id}-${u.role}`} id={u.id} name={u.name} role={u.role} />,
    },
    {
      key: "created",
      header: t("created"),
      className: "whitespace-nowrap",
      cell: (u) => format.dateTime(u.createdAt, { dateStyle: "medium" }),
    },
    {
      key: "state",
      header: t("state"),
      cellData: () => ({ "data-testid": "user-state" }),
      cell: (u) =>
        u.disabledAt
          ? t("disabledSince", { date: format.dateTime(u.disabledAt, { dateStyle: "medium", timeStyle: "short" }) })
          : t("states.active"),
    },
    {
      key: "actions",
      header: t("actions"),
      cell: (u) =>
        u.id === me.id ? (
          <span className="text-stone-500">{t("you")}</span>
        ) : (
          <DisableButton
            key={`${u.id}-${Boolean(u.disabledAt)}`}
            id={u.id}
            name={u.name}
            disabled={Boolean(u.disabledAt)}
          />
        ),
    },
  ];
  return (
    <DataTable
      caption={t("title")}
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      rowData={(u) => ({ "data-user": u.email ?? u.id })}
      empty={t("none")}
    />
  );
}
