// The invitation page's form: the invited person chooses a first password. Length rules are
// NIST's (password-policy); the server also checks the blocklist. A new account has no second
// factor yet, so the longer minimum applies.
import * as z from "~/forms/zod";
import { lengthProblem } from "~/auth/password-policy";
import { SET_PASSWORD_FIELDS } from "./formFields";
export { SET_PASSWORD_FIELDS };

export const setPasswordSchema = z
  .object({
    newPassword: z.string().check(
      z.superRefine((value, ctx) => {
        const problem = lengthProblem(value, false);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    ),
    confirmPassword: z.string(),
  })
  .check(
    z.refine((v) => v.confirmPassword === v.newPassword, {
      path: ["confirmPassword"],
      message: "The two passwords are not the same",
    }),
  );

