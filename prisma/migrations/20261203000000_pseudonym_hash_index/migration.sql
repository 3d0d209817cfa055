-- Issue 12, the import: a client's trajectories are only ever looked up by their stage-2 pseudonym
-- with = (the cross-provider linking, deletion and relinking, a data subject's request), never by a
-- range of it or in its order. The B-tree on (client_pseudonym, begindatum) held the 67-character
-- pseudonym, in random order: every imported record dirtied a random leaf of a ~90 MB-per-million
-- index, ~8 s of the ~29 s merge of a million records (bench:import). A hash index stores a 4-byte
-- hash code per row, answers the same = lookups, and cost ~1.5 s in the same merge.
DROP INDEX "trajectory_client_pseudonym_begindatum_idx";
CREATE INDEX "trajectory_client_pseudonym_idx" ON "trajectory" USING hash ("client_pseudonym");
