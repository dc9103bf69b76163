"""Issued versions: what each participant received when personal itineraries were handed out.

issued_item gives each programme item that was ever issued a key of its own:
SQLite hands a deleted item's id to the next new item, and a printout must
not mistake the new item for the old one. A version's content holds each
printed item once (compressed JSON); a copy only the keys of its items.

Revision ID: 0002_issued_versions
Revises: 0001_initial
Create Date: 2026-11-24 09:00:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002_issued_versions'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_issued_version_trip_id_trip'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_version')),
    sa.UniqueConstraint('trip_id', 'number', name=op.f('uq_issued_version_trip_id'))
    )
    with op.batch_alter_table('issued_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_version_trip_id'), ['trip_id'], unique=False)

    op.create_table('issued_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_issued_item_item_id_programme_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_issued_item_trip_id_trip'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_item')),
    sa.UniqueConstraint('item_id', name=op.f('uq_issued_item_item_id'))
    )
    with op.batch_alter_table('issued_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_item_trip_id'), ['trip_id'], unique=False)

    op.create_table('issued_copy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('issued_version_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('item_keys', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['issued_version_id'], ['issued_version.id'], name=op.f('fk_issued_copy_issued_version_id_issued_version'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_issued_copy_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_copy')),
    sa.UniqueConstraint('issued_version_id', 'person_id', name=op.f('uq_issued_copy_issued_version_id'))
    )
    with op.batch_alter_table('issued_copy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_copy_issued_version_id'), ['issued_version_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_copy_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issued_copy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_copy_person_id'))
        batch_op.drop_index(batch_op.f('ix_issued_copy_issued_version_id'))

    op.drop_table('issued_copy')
    with op.batch_alter_table('issued_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_item_trip_id'))

    op.drop_table('issued_item')
    with op.batch_alter_table('issued_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_version_trip_id'))

    op.drop_table('issued_version')
