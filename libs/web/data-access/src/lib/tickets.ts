// GraphQL documents, types and composables for tickets (scaffold: filled in by its owner).
export {};
