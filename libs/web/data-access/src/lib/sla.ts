// GraphQL documents, types and composables for sla (scaffold: filled in by its owner).
export {};
