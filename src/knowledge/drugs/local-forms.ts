/**
 * Dose forms applied locally (RxNorm dose form names, as SCD/SBD names and displays spell them):
 * the drug acts where it is applied, so its class's systemic effects (bleeding with NSAIDs,
 * interactions of systemic corticosteroids) do not apply. The PDDI-CDS value sets exclude the
 * same forms ("topical, gel, cream, ointment, otic, or ophthalmic formulations"). Transdermal and
 * rectal forms act systemically and are not listed.
 */
export const LOCAL_FORM_PATTERN =
  /\b(topical|ophthalmic|otic|nasal|inhal\w*|inhaler|vaginal|cream|ointment|lotion|shampoo|mouthwash|toothpaste|dental|medicated pad|medicated patch)\b/i;

/**
 * Ingredients whose "local" forms still act systemically: nitroglycerin ointment is applied to the
 * skin to prevent angina (Nitro-Bid ointment US label), so its nitrate interactions (PDE5
 * inhibitors, riociguat: severe hypotension) apply as for tablets.
 */
export const SYSTEMIC_IN_LOCAL_FORMS: readonly string[] = ['nitroglycerin'];
