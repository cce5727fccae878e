package cn.onego.cases;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.onego.credit.EvidenceCases;

/** The cases a credit listing may rest on, as credit asks for them: by number, with applicant and region. */
@Component
class CreditEvidence implements EvidenceCases {

	private final Cases cases;

	CreditEvidence(Cases cases) {
		this.cases = cases;
	}

	@Override
	public Optional<EvidenceCase> byNumber(String number) {
		return cases.byNumber(number)
			.map(c -> new EvidenceCase(c.id().value(), c.number().value(), c.applicant().id(), c.place().region().value()));
	}
}
