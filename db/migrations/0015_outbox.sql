CREATE TYPE "public"."delivery_channel" AS ENUM('dingtalk', 'wecom', 'sms', 'email');--> statement-breakpoint
CREATE TYPE "public"."outbox_state" AS ENUM('pending', 'sent', 'failed', 'held', 'digested', 'unconfigured');--> statement-breakpoint
CREATE TABLE "deadline_messages" (
	"unit_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"period_index" integer NOT NULL,
	"owes" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_messages_unit_id_task_id_period_index_owes_kind_pk" PRIMARY KEY("unit_id","task_id","period_index","owes","kind")
);
--> statement-breakpoint
CREATE TABLE "delivery_channels" (
	"kind" "delivery_channel" PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sealed_config" text NOT NULL,
	"summary" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_preferences" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"mobile" text,
	"email" text,
	"channels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quiet_from" integer DEFAULT 1320 NOT NULL,
	"quiet_until" integer DEFAULT 420 NOT NULL,
	"daily_digest" boolean DEFAULT false NOT NULL,
	"daily_cap" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_preferences_quiet_ck" CHECK ("delivery_preferences"."quiet_from" between 0 and 1439 and "delivery_preferences"."quiet_until" between 0 and 1439),
	CONSTRAINT "delivery_preferences_cap_ck" CHECK ("delivery_preferences"."daily_cap" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"channel" "delivery_channel",
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"state" "outbox_state" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"last_answer" text,
	"sent_at" timestamp with time zone,
	"digest_id" bigint,
	CONSTRAINT "outbox_messages_channel_ck" CHECK (("outbox_messages"."channel" is null) = ("outbox_messages"."state" = 'unconfigured'))
);
--> statement-breakpoint
CREATE TABLE "worker_runs" (
	"job" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_messages" ADD CONSTRAINT "deadline_messages_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_messages" ADD CONSTRAINT "deadline_messages_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_channels" ADD CONSTRAINT "delivery_channels_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_preferences" ADD CONSTRAINT "delivery_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("due_at","id") WHERE "outbox_messages"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_messages_held_idx" ON "outbox_messages" USING btree ("user_id","due_at") WHERE "outbox_messages"."state" = 'held';--> statement-breakpoint
CREATE INDEX "outbox_messages_user_idx" ON "outbox_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages" USING btree ("created_at");