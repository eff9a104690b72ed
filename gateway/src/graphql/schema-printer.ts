import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { ALL_RESOLVERS } from './resolvers.js';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

const HEADER =
  "# The gateway's GraphQL schema, generated from the code-first resolvers by `npm run schema`.\n# Do not edit: a test fails when this file differs from what the code produces.\n\n";

/**
 * The gateway's schema as SDL: the given one (a running gateway's), or one built in-process from
 * ALL_RESOLVERS (no server, no infrastructure).
 */
export async function printGatewaySchema(schema?: GraphQLSchema): Promise<string> {
  if (schema) return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(ALL_RESOLVERS);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}
