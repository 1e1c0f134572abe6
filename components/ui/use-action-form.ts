"use client";

/** The submit flow every server-action form shares: validate with the schema, call the action, show its outcome. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type DefaultValues, type FieldValues, type Resolver, useForm, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { type Feedback, failureOf, UNREACHABLE } from "./form";

export interface ActionFormOptions<TInput extends FieldValues, TOutput, TData> {
  schema: z.ZodType<TOutput, TInput>;
  defaultValues: DefaultValues<TInput>;
  action: (values: TOutput) => Promise<ActionResult<TData>>;
  /** Runs when the server refused, before its field errors and message are shown (e.g. take in what someone saved meanwhile). */
  onFailure?: (result: Extract<ActionResult<TData>, { ok: false }>, form: UseFormReturn<TInput, unknown, TOutput>) => void;
  /** Runs once the action worked (reset the form, refresh or leave the page); returns the message to show, if any. */
  onSuccess: (data: TData, values: TOutput, form: UseFormReturn<TInput, unknown, TOutput>) => Feedback | undefined | Promise<Feedback | undefined>;
}

/**
 * A react-hook-form form bound to a server action: `onSubmit` clears the last message, sends the valid values, puts the
 * server's field errors on the fields and shows its message, or `onSuccess`'s message; when the server cannot be reached what
 * was typed stays and the form says so.
 */
export function useActionForm<TInput extends FieldValues, TOutput, TData>({
  schema,
  defaultValues,
  action,
  onFailure,
  onSuccess,
}: ActionFormOptions<TInput, TOutput, TData>) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const form = useForm<TInput, unknown, TOutput>({ resolver: zodResolver(schema) as Resolver<TInput, unknown, TOutput>, defaultValues });

  const onSubmit = form.handleSubmit(async (values) => {
    setFeedback(null);
    try {
      const result = await action(values);
      if (!result.ok) {
        onFailure?.(result, form);
        return setFeedback(failureOf(result, form.setError));
      }
      const message = await onSuccess(result.data, values, form);
      if (message !== undefined) setFeedback(message);
    } catch {
      setFeedback(UNREACHABLE);
    }
  });

  return { form, register: form.register, errors: form.formState.errors, isSubmitting: form.formState.isSubmitting, feedback, setFeedback, onSubmit };
}
