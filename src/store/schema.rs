//! Diesel schema of both backends, written to match `migrations/*/…_schema/up.sql`.
//!
//! Every `*_id` and `id` column is 64-bit; other integers are 32-bit. Checked against the live
//! databases by `tests/schema_invariants.rs`.

diesel::table! {
    college (id) {
        id -> BigInt,
        name -> Text,
        short_name -> Text,
        city -> Text,
        director_name -> Text,
        deputy_name -> Text,
        demo -> Bool,
        grade_deadline_weekday -> Integer,
        test_result_days -> Integer,
        final_days_before_end -> Integer,
        unexcused_threshold_pct -> Integer,
        quality_counts_pass -> Bool,
        sou_variant -> Text,
        forecast_round_up_from -> Integer,
        min_grades_per_month -> Integer,
        idle_lock_staff_minutes -> Integer,
        idle_lock_family_minutes -> Integer,
        session_hours -> Integer,
        family_code_days -> Integer,
        staff_code_hours -> Integer,
        login_lock_after -> Integer,
        login_lock_first_minutes -> Integer,
        login_lock_max_minutes -> Integer,
        time_zone -> Text,
        notify_sender -> Text,
        notify_kinds -> Text,
        notify_quiet -> Text,
        notify_digest_weekday -> Integer,
        notify_digest_hour -> Integer,
        notify_remarks_weekday -> Integer,
        notify_remarks_hour -> Integer,
    }
}

diesel::table! {
    work_kinds (code) {
        code -> Text,
        name -> Text,
        weight -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        login -> Text,
        password_hash -> Nullable<Text>,
        last_name -> Text,
        first_name -> Text,
        patronymic -> Text,
        email -> Text,
        phone -> Text,
        position -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        password_changed_at -> Nullable<Timestamp>,
        last_login_at -> Nullable<Timestamp>,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        lock_level -> Integer,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    academic_years (id) {
        id -> BigInt,
        name -> Text,
        starts_on -> Date,
        ends_on -> Date,
    }
}

diesel::table! {
    holidays (id) {
        id -> BigInt,
        academic_year_id -> BigInt,
        starts_on -> Date,
        ends_on -> Date,
    }
}

diesel::table! {
    terms (id) {
        id -> BigInt,
        academic_year_id -> BigInt,
        number -> Integer,
        name -> Text,
        starts_on -> Date,
        ends_on -> Date,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    specialties (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        prefix -> Text,
    }
}

diesel::table! {
    study_groups (id) {
        id -> BigInt,
        name -> Text,
        specialty_id -> Nullable<BigInt>,
        course -> Integer,
        admission_year -> Integer,
        capacity -> Integer,
        tutor_id -> Nullable<BigInt>,
        archived -> Bool,
    }
}

diesel::table! {
    subjects (id) {
        id -> BigInt,
        name -> Text,
        pass_fail -> Bool,
    }
}

diesel::table! {
    subgroups (id) {
        id -> BigInt,
        group_id -> BigInt,
        subject_id -> Nullable<BigInt>,
        name -> Text,
    }
}

diesel::table! {
    students (id) {
        id -> BigInt,
        last_name -> Text,
        first_name -> Text,
        patronymic -> Text,
        birth_date -> Date,
        sex -> Nullable<Text>,
        record_book -> Nullable<Text>,
        phone -> Text,
        email -> Text,
        funding -> Nullable<Text>,
        user_id -> Nullable<BigInt>,
        address -> Text,
    }
}

diesel::table! {
    subgroup_members (subgroup_id, student_id) {
        subgroup_id -> BigInt,
        student_id -> BigInt,
    }
}

diesel::table! {
    guardians (id) {
        id -> BigInt,
        last_name -> Text,
        first_name -> Text,
        patronymic -> Text,
        phone -> Text,
        email -> Text,
        user_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    student_guardians (student_id, guardian_id) {
        student_id -> BigInt,
        guardian_id -> BigInt,
        relation -> Text,
    }
}

diesel::table! {
    orders (id) {
        id -> BigInt,
        number -> Text,
        date -> Date,
        title -> Text,
    }
}

diesel::table! {
    group_memberships (id) {
        id -> BigInt,
        student_id -> BigInt,
        group_id -> BigInt,
        from_date -> Date,
        to_date -> Nullable<Date>,
    }
}

diesel::table! {
    movements (id) {
        id -> BigInt,
        student_id -> BigInt,
        kind -> Text,
        date -> Date,
        from_group_id -> Nullable<BigInt>,
        to_group_id -> Nullable<BigInt>,
        order_id -> BigInt,
        reason -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    achievements (id) {
        id -> BigInt,
        student_id -> BigInt,
        date -> Date,
        kind -> Text,
        title -> Text,
        created_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    curriculum (id) {
        id -> BigInt,
        group_id -> BigInt,
        subject_id -> BigInt,
        term_id -> BigInt,
        index_code -> Text,
        hours -> Integer,
        control_form -> Text,
    }
}

diesel::table! {
    assignments (id) {
        id -> BigInt,
        teacher_id -> BigInt,
        group_id -> BigInt,
        subgroup_id -> Nullable<BigInt>,
        subject_id -> BigInt,
        term_id -> BigInt,
    }
}

diesel::table! {
    rooms (id) {
        id -> BigInt,
        name -> Text,
        capacity -> Nullable<Integer>,
    }
}

diesel::table! {
    bells (pair) {
        pair -> Integer,
        starts_min -> Integer,
        ends_min -> Integer,
    }
}

diesel::table! {
    timetable_entries (id) {
        id -> BigInt,
        assignment_id -> BigInt,
        weekday -> Integer,
        pair -> Integer,
        week_parity -> Text,
        room_id -> Nullable<BigInt>,
        valid_from -> Date,
        valid_to -> Date,
    }
}

diesel::table! {
    substitutions (id) {
        id -> BigInt,
        date -> Date,
        pair -> Integer,
        timetable_entry_id -> Nullable<BigInt>,
        group_id -> BigInt,
        subgroup_id -> Nullable<BigInt>,
        teacher_id -> Nullable<BigInt>,
        subject_id -> Nullable<BigInt>,
        room_id -> Nullable<BigInt>,
        cancelled -> Bool,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plan_items (id) {
        id -> BigInt,
        group_id -> BigInt,
        subject_id -> BigInt,
        term_id -> BigInt,
        number -> Integer,
        topic -> Text,
        hours -> Integer,
        kind -> Text,
    }
}

diesel::table! {
    lessons (id) {
        id -> BigInt,
        assignment_id -> BigInt,
        date -> Date,
        pair -> Integer,
        hours -> Integer,
        kind -> Text,
        topic -> Text,
        homework -> Text,
        homework_due -> Nullable<Date>,
        plan_item_id -> Nullable<BigInt>,
        held_by -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    grades (id) {
        id -> BigInt,
        lesson_id -> BigInt,
        student_id -> BigInt,
        value -> Integer,
        work_kind -> Text,
        entered_by -> BigInt,
        entered_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    absences (id) {
        id -> BigInt,
        lesson_id -> BigInt,
        student_id -> BigInt,
        reason -> Text,
        entered_by -> BigInt,
        entered_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    debts (id) {
        id -> BigInt,
        lesson_id -> BigInt,
        student_id -> BigInt,
        entered_by -> BigInt,
        entered_at -> Timestamp,
    }
}

diesel::table! {
    final_grades (id) {
        id -> BigInt,
        student_id -> BigInt,
        group_id -> BigInt,
        subject_id -> BigInt,
        term_id -> BigInt,
        kind -> Text,
        value -> Integer,
        entered_by -> BigInt,
        entered_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    mail_messages (id) {
        id -> BigInt,
        sender_id -> BigInt,
        subject -> Text,
        body -> Text,
        sent_at -> Timestamp,
        reply_to_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    mail_recipients (message_id, recipient_id) {
        message_id -> BigInt,
        recipient_id -> BigInt,
        read_at -> Nullable<Timestamp>,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    announcements (id) {
        id -> BigInt,
        author_id -> BigInt,
        group_id -> Nullable<BigInt>,
        title -> Text,
        body -> Text,
        published_at -> Timestamp,
        expires_on -> Nullable<Date>,
    }
}

diesel::table! {
    access_codes (id) {
        id -> BigInt,
        user_id -> BigInt,
        code_hash -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        kind -> Text,
        name -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
        ended_reason -> Nullable<Text>,
    }
}

diesel::table! {
    activity_log (id) {
        id -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        login -> Text,
        event -> Text,
        details -> Text,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        entity -> Text,
        entity_id -> BigInt,
        student_id -> Nullable<BigInt>,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
        reason -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
        state_seal -> Nullable<Text>,
        chain -> BigInt,
    }
}

diesel::table! {
    notices (id) {
        id -> BigInt,
        kind -> Text,
        dedupe_key -> Text,
        source_id -> Nullable<BigInt>,
        student_id -> Nullable<BigInt>,
        user_id -> Nullable<BigInt>,
        email -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        not_before -> Timestamp,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        last_error -> Text,
    }
}

diesel::table! {
    notice_prefs (user_id, kind) {
        user_id -> BigInt,
        kind -> Text,
        enabled -> Bool,
    }
}

diesel::table! {
    notice_forecasts (student_id, assignment_id) {
        student_id -> BigInt,
        assignment_id -> BigInt,
        at_risk -> Bool,
        fell_at -> Nullable<Timestamp>,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    notice_remarks (id) {
        id -> BigInt,
        teacher_id -> BigInt,
        week_of -> Date,
        items -> Text,
        opened_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    notify_runs (id) {
        id -> BigInt,
        holder -> Text,
        started_at -> Timestamp,
        heartbeat_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        made -> Integer,
        sent -> Integer,
        failed -> Integer,
    }
}

diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(terms -> academic_years (academic_year_id));
diesel::joinable!(holidays -> academic_years (academic_year_id));
diesel::joinable!(study_groups -> specialties (specialty_id));
diesel::joinable!(study_groups -> users (tutor_id));
diesel::joinable!(subgroups -> study_groups (group_id));
diesel::joinable!(subgroups -> subjects (subject_id));
diesel::joinable!(students -> users (user_id));
diesel::joinable!(subgroup_members -> subgroups (subgroup_id));
diesel::joinable!(subgroup_members -> students (student_id));
diesel::joinable!(guardians -> users (user_id));
diesel::joinable!(student_guardians -> students (student_id));
diesel::joinable!(student_guardians -> guardians (guardian_id));
diesel::joinable!(group_memberships -> students (student_id));
diesel::joinable!(group_memberships -> study_groups (group_id));
diesel::joinable!(movements -> students (student_id));
diesel::joinable!(movements -> study_groups (from_group_id));
diesel::joinable!(movements -> orders (order_id));
diesel::joinable!(movements -> users (created_by));
diesel::joinable!(achievements -> students (student_id));
diesel::joinable!(achievements -> users (created_by));
diesel::joinable!(curriculum -> study_groups (group_id));
diesel::joinable!(curriculum -> subjects (subject_id));
diesel::joinable!(curriculum -> terms (term_id));
diesel::joinable!(assignments -> users (teacher_id));
diesel::joinable!(timetable_entries -> assignments (assignment_id));
diesel::joinable!(timetable_entries -> rooms (room_id));
diesel::joinable!(substitutions -> timetable_entries (timetable_entry_id));
diesel::joinable!(substitutions -> study_groups (group_id));
diesel::joinable!(substitutions -> subgroups (subgroup_id));
diesel::joinable!(substitutions -> users (teacher_id));
diesel::joinable!(substitutions -> subjects (subject_id));
diesel::joinable!(substitutions -> rooms (room_id));
diesel::joinable!(lessons -> assignments (assignment_id));
diesel::joinable!(lessons -> plan_items (plan_item_id));
diesel::joinable!(lessons -> users (held_by));
diesel::joinable!(grades -> lessons (lesson_id));
diesel::joinable!(grades -> work_kinds (work_kind));
diesel::joinable!(grades -> students (student_id));
diesel::joinable!(grades -> users (entered_by));
diesel::joinable!(absences -> lessons (lesson_id));
diesel::joinable!(absences -> students (student_id));
diesel::joinable!(absences -> users (entered_by));
diesel::joinable!(debts -> lessons (lesson_id));
diesel::joinable!(debts -> students (student_id));
diesel::joinable!(debts -> users (entered_by));
diesel::joinable!(final_grades -> students (student_id));
diesel::joinable!(final_grades -> users (entered_by));
diesel::joinable!(mail_messages -> users (sender_id));
diesel::joinable!(mail_recipients -> mail_messages (message_id));
diesel::joinable!(mail_recipients -> users (recipient_id));
diesel::joinable!(announcements -> users (author_id));
diesel::joinable!(announcements -> study_groups (group_id));
diesel::joinable!(access_codes -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(activity_log -> users (user_id));
diesel::joinable!(audit_log -> users (actor_id));
diesel::joinable!(notices -> students (student_id));
diesel::joinable!(notices -> users (user_id));
diesel::joinable!(audit_log -> students (student_id));
diesel::joinable!(assignments -> study_groups (group_id));
diesel::joinable!(assignments -> subjects (subject_id));
diesel::joinable!(assignments -> terms (term_id));
diesel::joinable!(final_grades -> subjects (subject_id));
diesel::joinable!(final_grades -> terms (term_id));
diesel::joinable!(plan_items -> subjects (subject_id));
diesel::joinable!(plan_items -> terms (term_id));

diesel::table! {
    /// The sealed head of the audit log (one row).
    audit_head (id) {
        id -> Integer,
        last_id -> BigInt,
        last_hash -> Text,
        seal -> Nullable<Text>,
    }
}

diesel::table! {
    audit_chains (chain) {
        chain -> BigInt,
        last_id -> BigInt,
        last_hash -> Text,
        seal -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    audit_head,
    audit_chains,
    college,
    work_kinds,
    users,
    user_roles,
    academic_years,
    holidays,
    terms,
    specialties,
    study_groups,
    subjects,
    subgroups,
    students,
    subgroup_members,
    guardians,
    student_guardians,
    orders,
    group_memberships,
    movements,
    achievements,
    curriculum,
    assignments,
    rooms,
    bells,
    timetable_entries,
    substitutions,
    plan_items,
    lessons,
    grades,
    absences,
    debts,
    final_grades,
    mail_messages,
    mail_recipients,
    announcements,
    access_codes,
    sessions,
    activity_log,
    audit_log,
    notices,
    notice_prefs,
    notice_forecasts,
    notice_remarks,
    notify_runs,
);

// The `quality` report's sums are grouped by a lesson's group, subject and subgroup and by the
// graded student (`app::report::quality_load`).
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    assignments::group_id,
    assignments::subject_id,
    assignments::subgroup_id,
    grades::student_id,
);
