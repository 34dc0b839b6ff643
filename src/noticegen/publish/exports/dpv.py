"""The processing as JSON-LD in W3C Data Privacy Vocabulary (DPV) 2.x terms, in the default
graph so that any RDF reader sees it: one `dpv:Process` per purpose and per transfer.

Legal bases and transfer tools use the DPV GDPR extension (`eu-gdpr:`), countries the DPV
locations extension (`loc:`); each vocabulary value's term is in its record
(`noticegen.model.terms`), and every term is checked against DPV 2.3 by the tests.
"""

from __future__ import annotations

from typing import Any

from ...model import Notice
from ...model.base import related
from ...model.vocabulary import label_type

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _place(code: str) -> dict[str, str]:
    """A country (ISO 3166-1 alpha-2) or the EEA as a DPV location term."""
    return {"@id": f"loc:{code.upper()}"}


def dpv_document(notice: Notice) -> dict[str, Any]:
    """The JSON-LD document (a dict; `export_files` writes it)."""
    base = f"urn:noticegen:{notice.notice.id}:{notice.notice.dated.version}"
    controller: dict[str, Any] = {
        "@id": f"{base}#controller",
        "@type": "dpv:DataController",
        "dpv:hasName": notice.controller.legal_name or notice.controller.name,
    }
    if notice.controller.postal_address is not None:
        controller["dpv:hasCountry"] = _place(notice.controller.postal_address.country)
    nodes: list[dict[str, Any]] = [controller]
    for data_id, data in notice.data.items():
        kind = label_type(data_id, data)
        types = ["dpv:PersonalData"]
        if kind is not None and kind.dpv is not None:
            types.append(kind.dpv)
        if data.special_category:
            types.append("dpv:SpecialCategoryPersonalData")
        elif data.sensitive:
            types.append("dpv:SensitivePersonalData")
        nodes.append({"@id": f"{base}#data/{data_id}", "@type": types, "rdfs:label": data.label})
    for rid, recipient in notice.recipients.items():
        node: dict[str, Any] = {
            "@id": f"{base}#recipient/{rid}",
            # A recipient whose role the notice does not state is only a recipient.
            "@type": recipient.kind.dpv if recipient.kind else "dpv:Recipient",
            "rdfs:label": recipient.label,
        }
        if recipient.countries:
            node["dpv:hasCountry"] = [_place(c) for c in recipient.countries]
        if recipient.privacy_policy_url:
            node["dpv:hasNotice"] = {
                "@id": recipient.privacy_policy_url,
                "@type": "dpv:PrivacyNotice",
            }
        nodes.append(node)
    for pid, purpose in notice.purposes.items():
        covered = [d for d in notice.data if any(related(r, d) for r in purpose.data)]
        process: dict[str, Any] = {
            "@id": f"{base}#purpose/{pid}",
            "@type": "dpv:Process",
            "dpv:hasPurpose": {
                "@id": f"{base}#purpose/{pid}/purpose",
                "@type": "dpv:Purpose",
                "rdfs:label": purpose.label,
            },
            "dpv:hasPersonalData": [{"@id": f"{base}#data/{d}"} for d in covered],
            "dpv:hasRecipient": [
                {"@id": f"{base}#recipient/{rid}"}
                for rid, r in notice.recipients.items()
                if pid in r.purposes
            ],
        }
        if purpose.on_behalf_of:
            # Run for another controller: the publisher is its processor.
            process["dpv:hasDataController"] = {
                "@id": f"{base}#purpose/{pid}/controller",
                "@type": "dpv:DataController",
                "dpv:hasName": purpose.on_behalf_of,
            }
            process["dpv:hasDataProcessor"] = {"@id": controller["@id"]}
        else:
            process["dpv:hasDataController"] = {"@id": controller["@id"]}
        if purpose.legal_basis:
            process["dpv:hasLegalBasis"] = [
                {"@id": iri} for iri in dict.fromkeys(s.basis.dpv for s in purpose.legal_basis)
            ]
        periods = [
            rule.period
            for rule in notice.retention
            if rule.period and any(related(r, d) for r in rule.data for d in covered)
        ]
        if periods:
            process["dpv:hasStorageCondition"] = [
                {
                    "@id": f"{base}#purpose/{pid}/storage/{i}",
                    "@type": "dpv:StorageDuration",
                    "rdf:value": {"@value": period, "@type": "xsd:duration"},
                }
                for i, period in enumerate(dict.fromkeys(periods))
            ]
        nodes.append(process)
    for tid, transfer in notice.transfers.items():
        node = {
            "@id": f"{base}#transfer/{tid}",
            "@type": "dpv:Process",
            "dpv:hasDataController": {"@id": controller["@id"]},
            "dpv:hasProcessing": {"@id": "dpv:CrossBorderTransfer"},
            "dpv:hasThirdCountry": _place(transfer.destination),
            "dpv:hasRecipient": [{"@id": f"{base}#recipient/{r}"} for r in transfer.recipients],
        }
        # An invalidated mechanism (the Privacy Shield) is no legal basis: none is stated.
        if transfer.safeguard is not None and transfer.safeguard.dpv is not None:
            node["dpv:hasLegalBasis"] = {"@id": transfer.safeguard.dpv}
            if transfer.safeguard.dpv_measure is not None:
                node["dpv:hasOrganisationalMeasure"] = {"@id": transfer.safeguard.dpv_measure}
        nodes.append(node)
    document = {
        "@id": base,
        "dct:title": notice.notice.title,
        "dct:valid": {"@value": notice.notice.dated.effective.isoformat(), "@type": "xsd:date"},
        "dct:hasVersion": notice.notice.dated.version,
    }
    if notice.notice.parent is not None:
        # A layered notice: the notice it adds to, which gives the parts it leaves out.
        document["dct:references"] = {
            "@id": notice.notice.parent.url,
            "@type": "dpv:PrivacyNotice",
            "dct:title": notice.notice.parent.title,
        }
    # A top-level `@graph` without an `@id` beside it is the default graph: a plain RDF graph
    # sees every triple (with an `@id`, the nodes would sit in a named graph).
    return {"@context": CONTEXT, "@graph": [document, *nodes]}
