import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { isUnstorable } from "@/lib/http";
import { log, runWithRequestLog } from "@/lib/log";
import { newRequestId, parseRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";
import { type FieldErrors, type MessageValues, UserError } from "@/lib/user-error";
import { can, type Permission } from "./permissions";
import { type CurrentUser, getCurrentUser } from "./session";

// The layered action client: every server action is built with defineAction, so
// none can skip the permission check or the input parsing.

import type { ActionState } from "@/lib/action-state";

type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;
type MessageKey = Parameters<Translate>[0];

/** Keys come from zod issues and UserErrors, so they are checked at run time, not by the type checker. */
export function translateKey(
  t: Translate,
  key: string,
  fallback = "validation.invalid",
  values?: MessageValues,
): string {
  return t.has(key as MessageKey) ? t(key as MessageKey, values as never) : t(fallback as MessageKey);
}

export function fieldErrorsFromZod(t: Translate, error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "_form";
    fields[name] ??= translateKey(t, issue.message);
  }
  return fields;
}

function formDataToObject(formData: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** What the user typed, to refill the form after an error; passwords and files are never echoed. */
function echoValues(input: Record<string, FormDataEntryValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !/password/i.test(key)) out[key] = value;
  }
  return out;
}

export type ActionContext = { user: CurrentUser | null };

/** The request id proxy.ts gave this action's request (actions post to pages, which pass through it). */
async function actionRequestId(): Promise<string> {
  try {
    return parseRequestId((await headers()).get(REQUEST_ID_HEADER)) ?? newRequestId();
  } catch {
    return newRequestId(); // called outside a request (a script, a test)
  }
}

/** Runs an action as its request: every log line inside carries the id; a failure is logged before Next shows it. */
async function asRequest<T>(work: () => Promise<T>): Promise<T> {
  return runWithRequestLog(await actionRequestId(), async () => {
    try {
      return await work();
    } catch (error) {
      const digest = (error as { digest?: unknown } | null)?.digest;
      if (typeof digest !== "string") log().error({ err: error }, "action failed");
      throw error;
    }
  });
}

export function defineAction<S extends z.ZodType, T>(
  config: { input: S; permission: Permission | "public" },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return (_previous, formData) => asRequest(() => run(formData));
  async function run(formData: FormData): Promise<ActionState<T>> {
    const t = await getTranslations();
    const user = await getCurrentUser();
    const raw = formDataToObject(formData);
    const values = echoValues(raw);
    if (config.permission !== "public") {
      if (!user) return { status: "error", message: t("errors.signInRequired"), fields: {}, values };
      if (!can(user.role, config.permission)) {
        return { status: "error", message: t("errors.forbidden"), fields: {}, values };
      }
    }
    // Text no database can store (a NUL, a lone surrogate) is refused before anything reads it.
    const unstorable = Object.entries(raw).filter(
      ([k, v]) => isUnstorable(k) || (typeof v === "string" && isUnstorable(v)),
    );
    if (unstorable.length > 0) {
      const fields = Object.fromEntries(unstorable.map(([k]) => [k, t("validation.invalid")]));
      return { status: "error", message: t("errors.checkFields"), fields, values };
    }
    const parsed = config.input.safeParse(raw);
    if (!parsed.success) {
      return { status: "error", message: t("errors.checkFields"), fields: fieldErrorsFromZod(t, parsed.error), values };
    }
    try {
      return { status: "success", data: await handler(parsed.data, { user }) };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const fields = Object.fromEntries(
        Object.entries(error.fields).map(([k, v]) => [k, translateKey(t, v, undefined, error.values[k])]),
      );
      const message = translateKey(t, error.key, "errors.generic", error.values[""]);
      return { status: "error", message, fields, values };
    }
  }
}
