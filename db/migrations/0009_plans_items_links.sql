CREATE TYPE "public"."cadence" AS ENUM('half_monthly', 'monthly', 'weekly', 'final');--> statement-breakpoint
CREATE TYPE "public"."plan_kind" AS ENUM('table', 'items');--> statement-breakpoint
CREATE TYPE "public"."work_source" AS ENUM('work_report', 'livelihood', 'meeting', 'instruction', 'higher_level', 'proposal', 'other');--> statement-breakpoint
CREATE TABLE "linked_work" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_year_unique";--> statement-breakpoint
ALTER TABLE "contributions" DROP CONSTRAINT "contributions_period_ck";--> statement-breakpoint
ALTER TABLE "progress_reports" DROP CONSTRAINT "progress_reports_period_ck";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "source" "work_source" DEFAULT 'work_report' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "kind" "plan_kind" DEFAULT 'table' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "cadence" "cadence" DEFAULT 'half_monthly' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "shared_from_report_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "source" "work_source";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "issued_on" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "cadence" "cadence";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "acknowledged_by" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "carried_from_task_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "linked_work_id" integer;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_shared_from_report_id_progress_reports_id_fk" FOREIGN KEY ("shared_from_report_id") REFERENCES "public"."progress_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_carried_from_task_id_tasks_id_fk" FOREIGN KEY ("carried_from_task_id") REFERENCES "public"."tasks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_linked_work_id_linked_work_id_fk" FOREIGN KEY ("linked_work_id") REFERENCES "public"."linked_work"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_items_year_uq" ON "plans" USING btree ("year") WHERE "plans"."kind" = 'items';--> statement-breakpoint
CREATE INDEX "tasks_linked_work_idx" ON "tasks" USING btree ("linked_work_id");--> statement-breakpoint
CREATE INDEX "tasks_carried_from_idx" ON "tasks" USING btree ("carried_from_task_id");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_period_ck" CHECK ("contributions"."period_index" between 1 and 24 or "contributions"."period_index" between 101 and 154);--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_period_ck" CHECK ("progress_reports"."period_index" between 1 and 24 or "progress_reports"."period_index" between 101 and 154);