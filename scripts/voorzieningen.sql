SELECT id, bsn, wet, productcategorie, productcode, COALESCE(volume, ''), COALESCE(begindatum, ''), COALESCE(einddatum, ''),
       COALESCE(toewijzingnummer, ''), bron_gemeente, COALESCE(toewijzingsdatum, ''), COALESCE(reden_wijziging, ''), COALESCE(commentaar, '')
FROM voorziening ORDER BY id
