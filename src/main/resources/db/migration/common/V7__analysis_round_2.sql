-- The analysis of this release finds ventricular flutter/fibrillation, paced rhythms and atrial fibrillation
-- episodes and classes beats anew: ECGs analysed by an earlier release are analysed again by this one, at
-- start-up, as after V2.
UPDATE ecgs SET status = 'PENDING', analysed_at = NULL, pending_since = CURRENT_TIMESTAMP, analysis_attempts = 0,
                failure_reason = NULL
WHERE status IN ('DONE', 'FAILED');
