package dev.baton.aws.simulator.world;

import java.util.List;

/** Name material for generated worlds, so generated users look like people and not like counters. */
final class GeneratedNames {
    static final List<String> GIVEN = List.of(
            "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Luis", "Maya",
            "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Xavier", "Yara",
            "Zane");
    static final List<String> FAMILY = List.of(
            "Adams",
            "Brown",
            "Costa",
            "Dubois",
            "Eriksen",
            "Fischer",
            "Garcia",
            "Haddad",
            "Ito",
            "Jensen",
            "Kowalski",
            "Lopez",
            "Moreau",
            "Nakamura",
            "Okafor",
            "Patel",
            "Quint",
            "Rossi",
            "Schmidt",
            "Tanaka",
            "Ueda",
            "Varga",
            "Weber",
            "Xu",
            "Yilmaz",
            "Zhang");
    static final List<String> TEAMS = List.of(
            "Platform",
            "Payments",
            "Data",
            "Security",
            "Mobile",
            "Web",
            "Search",
            "Billing",
            "Identity",
            "Infra",
            "Analytics",
            "Support");
    static final List<String> IAM_PATHS = List.of("/", "/engineering/", "/ops/", "/contractors/", "/service/");

    private GeneratedNames() {}

    static String given(int index) {
        return GIVEN.get(index % GIVEN.size());
    }

    static String family(int index) {
        return FAMILY.get((index / GIVEN.size()) % FAMILY.size());
    }
}
