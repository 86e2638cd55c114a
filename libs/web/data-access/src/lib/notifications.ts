// GraphQL documents, types and composables for notifications (scaffold: filled in by its owner).
export {};
