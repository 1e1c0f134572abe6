CREATE TYPE "public"."plan_state" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
-- Plans that exist already are the ones everybody works on: they stay live. New imports start as drafts.
ALTER TABLE "plans" ADD COLUMN "state" "plan_state" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ALTER COLUMN "state" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "activated_by" integer;
