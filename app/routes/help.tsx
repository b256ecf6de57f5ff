// Help (issue 13): the county's procedure for using the 3-1-1 number, in plain words, and who
// to ask. Open to everyone, signed in or not (someone who cannot sign in needs it most); the
// names and addresses of the people to contact are shown once signed in.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { helpContacts } from "~/help/contacts.server";
import { NON_PARTNER_NOTICE_DAYS, PARTNER_NOTICE_DAYS, EFFECTIVE_DATE_REMINDER_DAYS, REMINDER_BUSINESS_DAYS, ROLE_LABELS } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Help – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    signedIn: user !== null,
    contacts: user ? await helpContacts(db) : [],
    // The numbers of the procedure come from the machine's rules, never written here.
    notice: { partner: PARTNER_NOTICE_DAYS, other: NON_PARTNER_NOTICE_DAYS },
    reminders: { waiting: REMINDER_BUSINESS_DAYS, beforeEffective: EFFECTIVE_DATE_REMINDER_DAYS },
  };
}

/** What each contact is for. */
const ASK_ABOUT: Record<string, string> = {
  director: "the procedure, and decisions on requests",
  assistant_director: "the procedure, and decisions on requests",
  analyst: "call volume analyses and the Contact Center's capacity",
  finance: "fees and account codes",
  admin: "your account, your roles and problems with the portal",
};

export default function Help() {
  const { signedIn, contacts, notice, reminders } = useLoaderData<typeof loader>();
  return (
    <div className="usa-prose">
      <h1>Help</h1>
      <p className="usa-intro">
        Before a county department puts 3-1-1 on its materials or sends calls to 3-1-1, it asks the Communications
        Department (COM). This portal is where you ask, and where you follow your request.
      </p>

      <h2 id="when">When you must ask</h2>
      <ul>
        <li>You will print 3-1-1 on new materials that tell residents to call it: a mailing, flyers, a web page, posts, an event.</li>
        <li>Calls to one of your lines or units will go to 3-1-1, for good or for a while.</li>
        <li>
          Calls that 3-1-1 transfers to you will go to an automated response system. Only 3-1-1 partner departments may ask
          for this.
        </li>
      </ul>

      <h2 id="notice">How much notice to give</h2>
      <p>
        Count calendar days from the day you first submit the request to the effective date (the first mailing, or the first
        day calls are routed).
      </p>
      <ul>
        <li>
          3-1-1 partner departments: at least <strong>{notice.partner} calendar days</strong>.
        </li>
        <li>
          Other departments: at least <strong>{notice.other} calendar days</strong>.
        </li>
      </ul>
      <p>The form tells you the earliest date you may choose as soon as you pick the kind of request.</p>

      <h2 id="steps">What happens to a request</h2>
      <ol>
        <li>
          <strong>Draft.</strong> Your department writes it. A draft is yours alone: COM, the 3-1-1 Contact Center and Finance
          see it only once you submit it.
        </li>
        <li>
          <strong>Screening.</strong> The COM Director or Assistant Director reads it. They may ask for changes (you edit and
          resubmit; the notice still counts from your first submission), reject it, or order a call volume analysis.
        </li>
        <li>
          <strong>Call volume analysis.</strong> The 3-1-1 Contact Center estimates how many calls the request will bring, and
          when.
        </li>
        <li>
          <strong>Fee.</strong> When there was an analysis, Finance may set a fee for the extra calls. You accept it with an
          account code, dispute it (Finance looks again), or decline it (the request is withdrawn).
        </li>
        <li>
          <strong>Decision.</strong> The Director and the Assistant Director each sign. Both are needed.
        </li>
        <li>
          <strong>Approved.</strong> The Contact Center plans its staff for your dates. You can still cancel before the
          effective date.
        </li>
      </ol>
      <p>
        You can withdraw a request at any time before it is approved. If the effective date arrives before approval, the
        request lapses. A withdrawn, rejected or lapsed request can be copied into a new draft.
      </p>
      <p>
        The portal e-mails whoever must act next, and reminds them when a request waits on them more than{" "}
        {reminders.waiting} working days, or when the effective date is {reminders.beforeEffective} days away.
      </p>

      <h2 id="contacts">Who to ask</h2>
      {signedIn ? (
        contacts.length > 0 ? (
          <dl className="portal-summary" data-testid="contacts">
            {contacts.map((group) => (
              <div key={group.role} className="portal-summary__row">
                <dt>
                  {ROLE_LABELS[group.role]}: {ASK_ABOUT[group.role]}
                </dt>
                <dd>
                  {group.people.map((p, i) => (
                    <span key={p.email}>
                      {i > 0 ? ", " : ""}
                      {p.name} (<a href={`mailto:${p.email}`}>{p.email}</a>)
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>No contacts are set up yet. Ask the Communications Department.</p>
        )
      ) : (
        <p>
          <Link to="/sign-in?redirectTo=%2Fhelp%23contacts">Sign in</Link> to see the names and e-mail addresses of the people
          to ask. If you cannot sign in, ask whoever invited you to the portal, or the Communications Department.
        </p>
      )}
    </div>
  );
}
