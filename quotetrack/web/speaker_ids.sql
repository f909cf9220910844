k(key) AS (SELECT qt_speaker_key(:speaker)),
exact(id) AS (SELECT s.id FROM speakers s, k WHERE s.key = k.key
              UNION SELECT a.speaker_id FROM speaker_aliases a, k WHERE a.key = k.key),
speaker_ids(id) AS (
  SELECT id FROM exact
  UNION SELECT s.id FROM speakers s, k
        WHERE NOT EXISTS (SELECT 1 FROM exact) AND k.key != '' AND ' ' || s.key || ' ' LIKE '% ' || k.key || ' %'
  UNION SELECT a.speaker_id FROM speaker_aliases a, k
        WHERE NOT EXISTS (SELECT 1 FROM exact) AND k.key != '' AND ' ' || a.key || ' ' LIKE '% ' || k.key || ' %')
