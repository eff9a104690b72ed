import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ALL_RESOLVERS } from './resolvers.js';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

const HEADER =
  "# The gateway's GraphQL schema, generated from the code-first resolvers by `npm run schema`.\n# Do not edit: a test fails when this file differs from what the code produces.\n\n";

/** The gateway's schema as SDL, built in-process from the resolvers (no server, no infrastructure). */
export async function printGatewaySchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(ALL_RESOLVERS);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}
