"use client";

import { useEffect, useMemo, useState } from "react";
import type { LinkReview, SharedPoster } from "@/lib/api-types";
import { REVIEWER_NAME_KEY } from "@/lib/reviews/words";
import { pinsOf } from "./pins";
import { ReviewCard } from "./review-card";
import { ReviewerName } from "./reviewer-name";

// The reviewer's side of a review link: their name once (kept in this browser), then each option with its verdict
// buttons, comment and pins, and what reviewers on this link have said so far.

export function ReviewBoard(props: {
  token: string;
  posters: SharedPoster[];
  initialReviews: LinkReview[];
  sharedBy: string;
}) {
  const [name, setName] = useState("");
  const [loaded, setLoaded] = useState(false);
  const [reviews, setReviews] = useState(props.initialReviews);
  // Why the name is asked for, once a verdict or comment was tried without one: said beside the name field, which is
  // where the page scrolls to (the card's own message is then off-screen on a phone).
  const [nameNeeded, setNameNeeded] = useState("");

  useEffect(() => {
    try {
      setName(localStorage.getItem(REVIEWER_NAME_KEY) ?? "");
    } catch {
      // Storage blocked (private mode in some browsers): they type the name each visit.
    }
    setLoaded(true);
  }, []);

  function saveName(value: string) {
    setName(value);
    setNameNeeded("");
    try {
      localStorage.setItem(REVIEWER_NAME_KEY, value);
    } catch {
      // Kept for this visit only.
    }
  }

  const pinNumbers = useMemo(() => pinsOf(reviews), [reviews]);
  const byPoster = useMemo(() => {
    const map = new Map<string, LinkReview[]>();
    for (const review of reviews) map.set(review.posterId, [...(map.get(review.posterId) ?? []), review]);
    return map;
  }, [reviews]);

  return (
    <div className="space-y-6">
      {loaded && (
        <ReviewerName key={name} name={name} onChange={saveName} sharedBy={props.sharedBy} needed={nameNeeded} />
      )}
      <ol aria-label="Options to review" className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        {props.posters.map((poster, index) => (
          <ReviewCard
            key={poster.id}
            token={props.token}
            poster={poster}
            reviews={byPoster.get(poster.id) ?? []}
            pinNumbers={pinNumbers}
            name={name}
            eager={index < 2}
            onNeedName={(why) => {
              setNameNeeded(why);
              window.scrollTo({ top: 0, behavior: "smooth" });
              document.getElementById("reviewer-name-input")?.focus({ preventScroll: true });
            }}
            onAdded={(review) => setReviews((all) => [review, ...all])}
          />
        ))}
      </ol>
    </div>
  );
}
