CREATE TYPE "public"."coordination_status" AS ENUM('open', 'answered', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."indicator_comparator" AS ENUM('>=', '<=', '>', '<', '≈', '=');--> statement-breakpoint
CREATE TYPE "public"."indicator_measure" AS ENUM('cumulative', 'level');--> statement-breakpoint
CREATE TYPE "public"."indicator_status" AS ENUM('proposed', 'confirmed', 'removed');--> statement-breakpoint
CREATE TABLE "coordination_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"body" text NOT NULL,
	"resolves" boolean DEFAULT false NOT NULL,
	"leader_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"period_index" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"content" text NOT NULL,
	"status" "coordination_status" DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_requests_report_id_unique" UNIQUE("report_id")
);
--> statement-breakpoint
CREATE TABLE "dispatch_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"dispatch_id" integer NOT NULL,
	"task_id" integer,
	"unit_id" integer NOT NULL,
	"content" text NOT NULL,
	"due_on" text NOT NULL,
	"status" "follow_up_status" DEFAULT 'open' NOT NULL,
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_tasks" (
	"dispatch_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	CONSTRAINT "dispatch_tasks_dispatch_id_task_id_pk" PRIMARY KEY("dispatch_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "dispatch_units" (
	"dispatch_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "dispatch_units_dispatch_id_unit_id_pk" PRIMARY KEY("dispatch_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"leader_id" integer NOT NULL,
	"held_on" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"attendees_note" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_held_on_ck" CHECK ("dispatches"."held_on" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"indicator_id" integer NOT NULL,
	"report_id" integer NOT NULL,
	"period_index" integer NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_indicator_id_report_id_pk" PRIMARY KEY("indicator_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "task_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"name" text NOT NULL,
	"comparator" "indicator_comparator" NOT NULL,
	"target" numeric(20, 4) NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline" numeric(20, 4),
	"measure" "indicator_measure" DEFAULT 'cumulative' NOT NULL,
	"status" "indicator_status" DEFAULT 'proposed' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"confidence" numeric(4, 3),
	"position" integer DEFAULT 0 NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_on" text;--> statement-breakpoint
ALTER TABLE "coordination_replies" ADD CONSTRAINT "coordination_replies_request_id_coordination_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_replies" ADD CONSTRAINT "coordination_replies_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_replies" ADD CONSTRAINT "coordination_replies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_follow_ups" ADD CONSTRAINT "dispatch_follow_ups_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_follow_ups" ADD CONSTRAINT "dispatch_follow_ups_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_follow_ups" ADD CONSTRAINT "dispatch_follow_ups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_follow_ups" ADD CONSTRAINT "dispatch_follow_ups_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_units" ADD CONSTRAINT "dispatch_units_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_units" ADD CONSTRAINT "dispatch_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_task_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."task_indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_indicators" ADD CONSTRAINT "task_indicators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_indicators" ADD CONSTRAINT "task_indicators_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_replies_request_idx" ON "coordination_replies" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "coordination_requests_task_idx" ON "coordination_requests" USING btree ("task_id","status");--> statement-breakpoint
CREATE INDEX "coordination_requests_unit_idx" ON "coordination_requests" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "dispatch_follow_ups_unit_idx" ON "dispatch_follow_ups" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "dispatch_follow_ups_dispatch_idx" ON "dispatch_follow_ups" USING btree ("dispatch_id");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_task_idx" ON "dispatch_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "dispatch_units_unit_idx" ON "dispatch_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "dispatches_leader_idx" ON "dispatches" USING btree ("leader_id","held_on");--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_period_idx" ON "indicator_values" USING btree ("indicator_id","period_index");--> statement-breakpoint
CREATE INDEX "task_indicators_task_idx" ON "task_indicators" USING btree ("task_id","status");