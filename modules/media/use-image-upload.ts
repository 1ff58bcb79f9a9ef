"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/action-state";
import { MAX_UPLOAD_BYTES } from "./images";
import type { StoredImage } from "./store-image";

type UploadAction = (previous: ActionState<StoredImage>, formData: FormData) => Promise<ActionState<StoredImage>>;

/** Sends one photo to an upload action; says why when the server refuses it (not an image, too large). */
export function useImageUpload(action: UploadAction, onStored: (image: StoredImage) => void) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const t = useTranslations("validation.image");
  function upload(file: File) {
    // Said at once, without sending 9 MB over a village's mobile signal first.
    if (file.size > MAX_UPLOAD_BYTES) {
      setMessage(t("tooLarge"));
      return;
    }
    const data = new FormData();
    data.set("file", file);
    start(async () => {
      const result = await action({ status: "idle" }, data);
      if (result.status === "success") {
        setMessage(null);
        onStored(result.data);
      } else if (result.status === "error") {
        setMessage(result.message);
      }
    });
  }
  return { pending, message, upload };
}
