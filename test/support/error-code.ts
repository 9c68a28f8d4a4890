import { AppError } from "@/lib/errors";

/** The AppError code a call throws ("no error" when it returns, "not an AppError" for anything else thrown). */
export const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
  return "no error";
};
