SELECT 'client', bsn, COALESCE(geboortedatum, '') FROM client
UNION ALL SELECT 'hulpvraag', id, COALESCE(meldingsdatum, '') || ' ' || COALESCE(afgesloten_op, '') FROM hulpvraag
ORDER BY 1, 2
