import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ROLE_LABELS } from "../../workflows/types";

export const meta: MetaFunction = () => [{ title: "Home – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: {
      name: user.name,
      department: user.department ? { name: user.department.name, code: user.department.code } : null,
      roles: user.roles.map((r) => (r.acting ? `Acting ${ROLE_LABELS[r.role]}` : ROLE_LABELS[r.role])),
    },
  };
}

export default function Home() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>3-1-1 Number Use Portal</h1>
      <p className="usa-intro" data-testid="signed-in-as">
        Signed in as {user.name} ({user.roles.length > 0 ? user.roles.join(", ") : "no roles"})
        {user.department ? ` · ${user.department.name}` : ""}
      </p>
      <h2>My tasks</h2>
      <p>Nothing here yet.</p>
    </>
  );
}
