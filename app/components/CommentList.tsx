// A request's comments, oldest first: who wrote each and when. Made on the server, once for the
// same comments (http/serverMarkup.server.ts).
import type { ShownInstant } from "~/format";
import { InstantText } from "./DateText";

/** Its name among the markups a page is sent once (components/ServerMarkup.tsx). */
export const COMMENTS_MARKUP = "request-comments";

export interface ShownComment {
  id: string;
  author: string;
  body: string;
  at: ShownInstant;
}

export function CommentList({ comments }: { comments: ShownComment[] }) {
  return (
    <ul className="usa-list usa-list--unstyled">
      {comments.map((c) => (
        <li key={c.id} className="margin-bottom-2">
          <strong>{c.author}</strong>, <InstantText at={c.at} />
          <p className="margin-top-05">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}
