// GraphQL documents, types and composables for raci (scaffold: filled in by its owner).
export {};
