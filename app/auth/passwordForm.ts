// The change-password form's zod schema, apart from the password rules (password-policy.ts), which
// pages import without zod. The action takes it through forms/schemas.server.ts.
import * as z from "~/forms/zod";
import { lengthProblem } from "./password-policy";

/** The change-password form: the same schema on the server and, later, the client. */
export function changePasswordSchema(hasMfa: boolean) {
  return z
    .object({
      currentPassword: z.string().check(z.minLength(1, "Enter your current password"), z.maxLength(1024, "Enter your current password")),
      newPassword: z.string().check(
        z.superRefine((value, ctx) => {
          const problem = lengthProblem(value, hasMfa);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
      ),
      confirmPassword: z.string(),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.confirmPassword !== value.newPassword) {
          ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords are not the same" });
        }
      }),
    );
}
