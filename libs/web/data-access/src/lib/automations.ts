// GraphQL documents, types and composables for automations (scaffold: filled in by its owner).
export {};
