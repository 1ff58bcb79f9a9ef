"use client";
import { type ComponentProps, useState } from "react";
import { Link as LocaleLink } from "./navigation-base";

type Props = ComponentProps<typeof LocaleLink>;

/**
 * The site's link: prefetches its page when someone shows the intent to open it (a
 * pointer over it, a finger on it, keyboard focus), not whenever it is on screen.
 * Next's default fetched every linked page in view (a dozen on the home page, with
 * their scripts) as soon as a page loaded: data and main-thread time a phone on rural
 * 4G needs for the page it shows. A link given `prefetch` explicitly keeps it.
 */
export function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  const showsIntent =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      setIntent(true);
      handler?.(event);
    };
  return (
    <LocaleLink
      {...props}
      prefetch={prefetch !== undefined ? prefetch : intent ? null : false}
      onMouseEnter={showsIntent(onMouseEnter)}
      onTouchStart={showsIntent(onTouchStart)}
      onFocus={showsIntent(onFocus)}
    />
  );
}
