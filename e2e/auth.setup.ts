import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, ROLES, type RoleName, signIn, storageStateFor } from "./support";

// One signed-in browser state per demo role, reused by the specs.
for (const [role, { email, home }] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signIn(page, email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
