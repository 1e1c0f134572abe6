CREATE TABLE "import_layouts" (
	"signature" text PRIMARY KEY NOT NULL,
	"roles" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_drafts" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "seq_label" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "section" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "deadline_text" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "supervising_leader_id" integer;--> statement-breakpoint
ALTER TABLE "import_layouts" ADD CONSTRAINT "import_layouts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_supervising_leader_id_leaders_id_fk" FOREIGN KEY ("supervising_leader_id") REFERENCES "public"."leaders"("id") ON DELETE set null ON UPDATE no action;